/**
 * The Git workspace through JGit: clone, fetch, commit, push (HTTP and SSH), and keeping the packs small.
 */
package dev.aviary.console.gitops.jgit;
