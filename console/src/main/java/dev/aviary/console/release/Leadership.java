package dev.aviary.console.release;

/** Whether this console is the one that advances releases; only one in a cluster is at a time. */
public interface Leadership {

  boolean leading();
}
