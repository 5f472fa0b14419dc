package org.gridgov.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * English ordinals, against the written forms (the teens are all -th; the rest by the last digit).
 */
class TextsOrdinalTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0th",
    "1, 1st",
    "2, 2nd",
    "3, 3rd",
    "4, 4th",
    "9, 9th",
    "10, 10th",
    "11, 11th",
    "12, 12th",
    "13, 13th",
    "14, 14th",
    "20, 20th",
    "21, 21st",
    "22, 22nd",
    "23, 23rd",
    "24, 24th",
    "100, 100th",
    "101, 101st",
    "102, 102nd",
    "103, 103rd",
    "110, 110th",
    "111, 111th",
    "112, 112th",
    "113, 113th",
    "121, 121st",
    "1011, 1011th",
    "1021, 1021st"
  })
  void ordinalsFollowTheWrittenForms(int n, String written) {
    assertThat(Texts.ordinal(n)).isEqualTo(written);
  }
}
