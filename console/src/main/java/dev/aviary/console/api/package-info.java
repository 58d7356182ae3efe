/**
 * The JSON API for scripts and ChatOps ({@code /api/v1}): services, releases and history as the features' services
 * answer them, errors as problem documents, and the OpenAPI document that describes it all.
 */
package dev.aviary.console.api;
