package gpufaas.views.live;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A glyph source for tests: every character a solid box 6 pixels wide and 10 high (plain Java, no JavaFX). */
public final class BoxGlyphs implements GlyphAtlas.Source {
    public static GlyphAtlas atlas() {
        return new GlyphAtlas(new BoxGlyphs());
    }

    @Override
    public Map<Character, GlyphAtlas.Glyph> render(String chars) {
        Map<Character, GlyphAtlas.Glyph> out = new HashMap<>();
        byte[] box = new byte[5 * 10];
        Arrays.fill(box, (byte) 255);
        for (char c : chars.toCharArray()) out.put(c, new GlyphAtlas.Glyph(c == ' ' ? 0 : 5, 10, 0, box, 6));
        return out;
    }

    @Override
    public int lineHeight() {
        return 10;
    }
}
