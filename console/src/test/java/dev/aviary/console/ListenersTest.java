package dev.aviary.console;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListenersTest {

  @Test
  void a_listener_that_throws_does_not_keep_the_news_from_the_others_and_a_removed_one_hears_nothing() {
    Listeners<String> listeners = new Listeners<>();
    List<String> heard = new ArrayList<>();
    listeners.add(news -> {
      throw new IllegalStateException("tab closed");
    });
    Runnable removal = listeners.add(news -> heard.add("second " + news));
    listeners.add(news -> heard.add("third " + news));

    listeners.publish("v2 degraded");
    removal.run();
    listeners.publish("v2 healthy");

    assertThat(heard).containsExactlyInAnyOrder("second v2 degraded", "third v2 degraded", "third v2 healthy");
  }
}
