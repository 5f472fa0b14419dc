package org.gridgov.engine;

/**
 * The parts of one engine, wired from its {@link EngineConfig}: each part has one job, and the
 * {@link CaseEngine} facade only calls them.
 *
 * @param handlers the known handler ids
 * @param applier the event application and calendar editions
 * @param scheduler the SLA scheduler over the deadline queue
 * @param store the case store and its commit
 * @param dispatcher the path of one command
 * @param idempotency the command-id memory, a decorator around the dispatcher
 * @param adopter the adoption of calendar editions
 * @param annex the supervision and repeat-report store beside the case store
 */
record EngineParts(
    HandlerDirectory handlers,
    EventApplier applier,
    SlaScheduler scheduler,
    CaseStore store,
    CommandDispatcher dispatcher,
    IdempotentCommands idempotency,
    CalendarAdopter adopter,
    CaseAnnex annex) {

  /** Wires the parts of a new, empty engine. */
  static EngineParts wire(EngineConfig config) {
    return wire(config, config.hotCases());
  }

  /** As {@link #wire(EngineConfig)}, holding {@code hotCases} cases touched lately as records. */
  static EngineParts wire(EngineConfig config, int hotCases) {
    HandlerDirectory handlers = new HandlerDirectory(config.regionTree(), config.departments());
    SupervisionPolicy supervisionPolicy = config.supervisionPolicy();
    ClockRules clockRules = new ClockRules(config.slaPolicy(), supervisionPolicy);
    CaseAnnex annex = new CaseAnnex(supervisionPolicy.repeat());
    RoutingApplier router = new RoutingApplier(config.routingPolicy(), handlers, annex);
    EventApplier applier = new EventApplier(clockRules, config.calendarEditions(), annex);
    SupervisionCommands supervision =
        new SupervisionCommands(
            supervisionPolicy, annex, clockRules, applier, config.systemActor());
    SlaScheduler scheduler =
        new SlaScheduler(
            config.initialCapacity(), router, applier, config.systemActor(), supervision);
    CaseStore store =
        new CaseStore(
            scheduler,
            new UrbanClasses(config.regionTree()),
            applier,
            hotCases,
            config.regionTree());
    AuthorizationPolicy authorization =
        config.authorizationPolicy().orElseGet(() -> new JurisdictionAuthorizationPolicy(handlers));
    CommandDispatcher dispatcher =
        new CommandDispatcher(
            config,
            store,
            applier,
            scheduler,
            authorization,
            clockRules,
            router,
            handlers,
            supervision,
            new RepeatReports(
                supervisionPolicy, annex, store, router, supervision, config.systemActor()));
    return new EngineParts(
        handlers,
        applier,
        scheduler,
        store,
        dispatcher,
        new IdempotentCommands(config.commandMemory()),
        new CalendarAdopter(store, applier, scheduler, config.systemActor()),
        annex);
  }
}
