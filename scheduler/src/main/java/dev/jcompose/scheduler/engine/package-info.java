/**
 * The engine: {@link dev.jcompose.scheduler.engine.Engine} wires the runtime, network manager,
 * supervision and health probing, and serves {@link
 * dev.jcompose.scheduler.verbs.LocalComposeService}.
 *
 * <p>Every verb is "decide, then do": under the project's lock it observes the host ({@code
 * Observer}: containers by label, networks, volumes), computes a plan with a pure planner ({@code
 * plan.Reconciler} for up, {@code plan.LifecyclePlanner} for stop/start/down), and runs it with
 * {@code exec.PlanExecutor}, whose {@code OpRunner} here is {@code UpRunner} over {@code
 * ContainerActions}. Translation of the compose model into runtime/netmgr specs lives only in the
 * {@code convert} package; construction of the real implementations only in {@code EngineWiring}.
 */
package dev.jcompose.scheduler.engine;
