package gpufaas.workload.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static CsvFile csv(String text) {
        return CsvFile.of(new StringReader(text), "x.csv");
    }

    @Test
    void next_quotedFieldsWithCommasAndDoubledQuotes_areUnquoted() {
        CsvFile c = csv("a,b,c\n\"1,2\",\"say \"\"hi\"\"\",3\n");
        assertThat(c.next()).isTrue();
        assertThat(c.raw(0)).isEqualTo("1,2");
        assertThat(c.raw(1)).isEqualTo("say \"hi\"");
        assertThat(c.raw(2)).isEqualTo("3");
        assertThat(c.next()).isFalse();
    }

    @Test
    void column_caseInsensitiveAndTrimmed_withBom() {
        CsvFile c = csv("\uFEFF Name ,Value\n");
        assertThat(c.column("name")).isZero();
        assertThat(c.column("VALUE")).isEqualTo(1);
        assertThat(c.column("other")).isEqualTo(-1);
    }

    @Test
    void next_skipsBlankLinesButCountsThem() {
        CsvFile c = csv("a\n\n1\n   \n2\n");
        c.next();
        assertThat(c.line()).isEqualTo(3);
        c.next();
        assertThat(c.line()).isEqualTo(5);
    }

    @Test
    void number_notANumber_namesLineAndField() {
        CsvFile c = csv("a,b\n1,abc\n");
        c.next();
        assertThatThrownBy(() -> c.number(1, "b"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("x.csv, line 2, field 'b': 'abc' is not a number");
    }

    @Test
    void count_fractionalOrNegative_isRejected() {
        CsvFile c = csv("a,b,c\n1.5,-2,7.0\n");
        c.next();
        assertThatThrownBy(() -> c.count(0, "a")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> c.count(1, "b")).isInstanceOf(BadInputException.class);
        assertThat(c.count(2, "c")).isEqualTo(7);
    }

    @Test
    void next_rowWithAFieldFewerThanTheHeader_namesFileLineAndBothCounts() {
        CsvFile c = csv("a,b,c\n1,2,3\n\n4,5\n");
        assertThat(c.next()).isTrue();
        assertThatThrownBy(c::next)
                .isInstanceOf(BadInputException.class)
                .hasMessage("x.csv, line 4: the row has 2 fields but the header has 3 (no value for c)");
    }

    @Test
    void next_rowWithMoreFieldsThanTheHeader_isRejected() {
        CsvFile c = csv("a,b\n1,2,3\n");
        assertThatThrownBy(c::next)
                .isInstanceOf(BadInputException.class)
                .hasMessage(
                        "x.csv, line 2: the row has 3 fields but the header has 2 (a comma inside a value needs quotes)");
    }

    @Test
    void next_oneFieldUnderAThreeColumnHeader_namesEveryMissingColumn() {
        CsvFile c = csv("a,b,c\n1\n");
        assertThatThrownBy(c::next)
                .hasMessage("x.csv, line 2: the row has 1 field but the header has 3 (no value for b,c)");
    }

    @Test
    void next_emptyAndQuotedFields_countAsFields() {
        // a trailing comma is an empty last field; a quoted comma is part of one field
        CsvFile c = csv("a,b,c\n1,,\n\"x,y\",2,3\n");
        assertThat(c.next()).isTrue();
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.raw(1)).isEmpty();
        assertThatThrownBy(() -> c.text(1, "b")).hasMessage("x.csv, line 2, field 'b': value is missing");
        assertThat(c.next()).isTrue();
        assertThat(c.raw(0)).isEqualTo("x,y");
    }

    @Test
    void escape_quotesOnlyWhenNeeded() {
        assertThat(CsvFile.escape("plain")).isEqualTo("plain");
        assertThat(CsvFile.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFile.escape("q\"")).isEqualTo("\"q\"\"\"");
    }

    @Test
    void of_emptyInput_requiresHeader() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(BadInputException.class).hasMessageContaining("header");
    }
}
