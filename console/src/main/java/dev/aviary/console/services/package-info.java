/**
 * The Services page: every service's versions, replicas and traffic sliders, scaling and Sync, as the features'
 * services answer them.
 */
package dev.aviary.console.services;
