package dev.aviary.platform.documents;

public enum DocumentStatus { QUEUED, PROCESSING, DONE, FAILED }
