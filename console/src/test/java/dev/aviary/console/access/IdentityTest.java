package dev.aviary.console.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {

  @Test
  void the_name_is_read_back_from_a_person_as_written_and_anything_else_is_kept_whole() {
    assertThat(Identity.nameIn(new Identity("Ada Admin", "admin@sandbox.aviary.invalid").toString()))
        .isEqualTo("Ada Admin");
    assertThat(Identity.nameIn("release controller")).isEqualTo("release controller");
    assertThat(Identity.nameIn("")).isEmpty();
  }
}
