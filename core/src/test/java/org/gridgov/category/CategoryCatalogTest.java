package org.gridgov.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.gridgov.TextParseException;
import org.junit.jupiter.api.Test;

class CategoryCatalogTest {

  private static CategoryCatalog parse(String text) {
    return CategoryCatalog.parse(new StringReader(text), "cats.csv");
  }

  @Test
  void sample_loadsInOneCallWithBothKinds() {
    CategoryCatalog c = CategoryCatalog.sample();
    assertThat(c.size()).isBetween(30, 50);
    assertThat(c.get("0102").chineseName()).isEqualTo("暴露垃圾");
    assertThat(c.get("0102").englishName()).isEqualTo("Exposed rubbish");
    assertThat(c.get("01").chineseName()).isEqualTo("市容环境");
    assertThat(c.get("5101").kind()).isEqualTo(CategoryKind.COMPONENT);
    assertThat(c.all())
        .extracting(Category::kind)
        .contains(CategoryKind.EVENT, CategoryKind.COMPONENT);
    assertThat(c.scheme()).isEqualTo(CategoryCodeScheme.standard());
    assertThat(CategoryCatalog.sample()).isSameAs(c);
  }

  @Test
  void tree_navigation() {
    CategoryCatalog c =
        parse(
            """
        code,name_zh,name_en,kind
        # comment
        0102,暴露垃圾,Exposed rubbish,EVENT
        01,市容环境,City appearance,事件
        0101,私搭乱建,Unauthorised structure,EVENT
        51,公用设施,Public utilities,部件
        """);
    assertThat(c.all()).extracting(Category::code).containsExactly("01", "0101", "0102", "51");
    assertThat(c.roots()).extracting(Category::code).containsExactly("01", "51");
    assertThat(c.children("01")).extracting(Category::code).containsExactly("0101", "0102");
    assertThat(c.children("51")).isEmpty();
    assertThat(c.parent("0102")).map(Category::code).contains("01");
    assertThat(c.parent("01")).isEmpty();
    assertThat(c.majorClassOf("0102").code()).isEqualTo("01");
    assertThat(c.majorClassOf("01").code()).isEqualTo("01");
    assertThat(c.isWithin("0102", "01")).isTrue();
    assertThat(c.isWithin("0102", "51")).isFalse();
    assertThat(c.get("0102").level()).isEqualTo(2);
    assertThat(c.get("0102").parentCode()).contains("01");
    assertThat(c.find("0199")).isEmpty();
    assertThat(c.find("0101")).map(Category::englishName).contains("Unauthorised structure");
    assertThat(c.contains("0199")).isFalse();
    assertThat(c.contains("51")).isTrue();
    assertThat(c.get("51").kind()).isEqualTo(CategoryKind.COMPONENT);
    assertThatThrownBy(() -> c.get("0199"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"0199\"");
    assertThat(c.toString()).isEqualTo("CategoryCatalog[4 categories, CategoryCodeScheme[2+2]]");
  }

  @Test
  void everyBadRow_isReportedWithLineAndColumn() {
    TextParseException ex =
        catchThrowableOfType(
            TextParseException.class,
            () ->
                parse(
                    """
        code,name_zh,name_en,kind
        01,市容环境,City appearance,EVENT
        012,坏,Bad,EVENT
        01,重复,Duplicate,EVENT
        0201,孤儿,Orphan,EVENT
        0102,,No Chinese name,EVENT
        0103,种类,Kind,THING
        0104,部件,Component under an event class,COMPONENT
        0105,too,few
        """));
    List<TextParseException.Problem> p = ex.problems();
    assertThat(p)
        .extracting(TextParseException.Problem::line, TextParseException.Problem::column)
        .containsExactly(
            // sorted by line and column, whatever order the checks ran in
            org.assertj.core.groups.Tuple.tuple(3, 1),
            org.assertj.core.groups.Tuple.tuple(4, 1),
            org.assertj.core.groups.Tuple.tuple(5, 1),
            org.assertj.core.groups.Tuple.tuple(6, 2),
            org.assertj.core.groups.Tuple.tuple(7, 4),
            org.assertj.core.groups.Tuple.tuple(8, 4),
            org.assertj.core.groups.Tuple.tuple(9, 0));
    assertThat(p.get(0).reason()).contains("length 2 or 4");
    assertThat(p.get(1).reason()).contains("duplicate code, first defined on line 2");
    assertThat(p.get(2).reason()).contains("parent 02 is not in the catalogue");
    assertThat(p.get(4).value()).isEqualTo("THING");
    assertThat(p.get(5).reason()).contains("must equal the kind EVENT of its parent 01 (line 2)");
    assertThat(ex.getMessage()).contains("cats.csv:3:1");
  }

  @Test
  void wrongHeaderOrEmptyInput_isRejected() {
    assertThatThrownBy(() -> parse("code,name,kind\n01,a,b,EVENT\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("expected the header code,name_zh,name_en,kind");
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("empty input");
    assertThatThrownBy(() -> parse("code,name_zh,name_en,kind\n"))
        .isInstanceOf(TextParseException.class)
        .hasMessageContaining("no categories");
  }

  @Test
  void customScheme_allowsThreeLevels() {
    CategoryCatalog c =
        CategoryCatalog.parse(
            new StringReader(
                """
        code,name_zh,name_en,kind
        01,市容环境,City appearance,EVENT
        0102,暴露垃圾,Exposed rubbish,EVENT
        0102001,生活垃圾,Household rubbish,EVENT
        """),
            "x.csv",
            CategoryCodeScheme.of(2, 2, 3));
    assertThat(c.get("0102001").level()).isEqualTo(3);
    assertThat(c.majorClassOf("0102001").code()).isEqualTo("01");
    assertThat(c.parent("0102001")).map(Category::code).contains("0102");
  }

  @Test
  void of_buildsFromCategoriesAndChecksTheTree() {
    Category major =
        Category.of("01", 1, Optional.empty(), "市容环境", "City appearance", CategoryKind.EVENT);
    Category minor =
        Category.of("0102", 2, Optional.of("01"), "暴露垃圾", "Exposed rubbish", CategoryKind.EVENT);
    CategoryCatalog c = CategoryCatalog.of(CategoryCodeScheme.standard(), List.of(minor, major));
    assertThat(c.all()).containsExactly(major, minor);
    assertThatThrownBy(() -> CategoryCatalog.of(CategoryCodeScheme.standard(), List.of(minor)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parent 01 is missing");
    Category wrongKind =
        Category.of("0103", 2, Optional.of("01"), "x", "x", CategoryKind.COMPONENT);
    assertThatThrownBy(
            () -> CategoryCatalog.of(CategoryCodeScheme.standard(), List.of(major, wrongKind)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind COMPONENT");
    assertThatThrownBy(
            () -> CategoryCatalog.of(CategoryCodeScheme.standard(), List.of(major, major)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate category code 01");
    assertThatThrownBy(() -> CategoryCatalog.of(CategoryCodeScheme.standard(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> CategoryCatalog.of(CategoryCodeScheme.of(3, 3), List.of(major)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level 1");
  }
}
