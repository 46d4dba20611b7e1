package dev.jcompose.scheduler.api;

/**
 * One method per compose verb: what the engine serves and what works without it. The CLI gets its
 * instance from {@link ComposeServices}; the engine implements it in-process.
 */
public interface ComposeService extends EngineVerbs, LocalVerbs, StoreVerbs {}
