package gpufaas.app;

/**
 * Puts JavaFX on Monocle's headless platform with software rendering, before the toolkit starts:
 * the screenshot command and the responsiveness harness render the real window without a display.
 */
public final class Headless {
    private Headless() {}

    /** Sets the system properties; call before anything touches JavaFX. */
    public static void use(int screenWidth, int screenHeight) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", screenWidth + "x" + screenHeight + "-32");
        System.setProperty("java.awt.headless", "true");
    }
}
