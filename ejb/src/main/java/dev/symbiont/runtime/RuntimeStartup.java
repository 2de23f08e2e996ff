package dev.symbiont.runtime;

import dev.symbiont.agent.AgentStateGauges;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.keys.SigningKeys;
import dev.symbiont.compliance.ComplianceConfiguration;
import dev.symbiont.compliance.job.ReportJobs;
import dev.symbiont.execution.ExecutionRecords;
import dev.symbiont.migration.SchemaMigrator;
import dev.symbiont.policy.engine.CompiledPolicyEngine;
import dev.symbiont.sandbox.Sandboxes;
import dev.symbiont.sandbox.risk.RiskConfiguration;
import dev.symbiont.scheduler.AgentScheduler;
import dev.symbiont.security.InitialAdminKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs before the application takes requests: waits for the database, migrates the schema, loads the audit
 * signing key and the compliance frameworks, makes sure an admin can get in, then starts the metrics, the
 * audit sealer and any compliance report a previous run left unfinished, records executions a previous run left
 * running as interrupted and reaps their sandbox containers (now, or once the engine is reachable), applies the restart
 * rule to tasks it left running and starts the scheduler on the durable queue. If any step fails the
 * application does not start, rather than serve on a wrong schema or without its audit trail.
 */
@Singleton
@Startup
@ManagedExecutorDefinition(name = AgentScheduler.EXECUTOR, virtual = true, maxAsync = -1)
@TransactionManagement(TransactionManagementType.BEAN)
public class RuntimeStartup {

    private static final Logger LOG = Logger.getLogger(RuntimeStartup.class.getName());

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    InitialAdminKey initialAdminKey;

    @Inject
    AgentStateGauges agentGauges;

    @Inject
    SigningKeys signingKeys;

    @Inject
    SealerLoop sealer;

    @Inject
    CompiledPolicyEngine policyEngine;

    @Inject
    ComplianceConfiguration compliance;

    @Inject
    ReportJobs reportJobs;

    @Inject
    RiskConfiguration risk;

    @Inject
    ExecutionRecords executions;

    @Inject
    Sandboxes sandboxes;

    @Inject
    AgentScheduler scheduler;

    @Inject
    RuntimeStatus status;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "symbiont.db.startup-timeout", defaultValue = "PT60S")
    Duration databaseTimeout;

    @PostConstruct
    void start() {
        Instant began = clock.instant();
        try {
            var migrator = new SchemaMigrator(dataSource);
            migrator.awaitDatabase(databaseTimeout);
            var result = migrator.migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion;
            status.schemaMigrated(version);
            LOG.info(() -> "database schema at version " + version + " (" + result.migrationsExecuted
                    + " migration(s) applied now)");
            signingKeys.ensure();
            initialAdminKey.ensure();
            policyEngine.reload();
            agentGauges.start();
            LOG.info(() -> "compliance frameworks: " + String.join(", ", compliance.frameworks().names()));
            sealer.start();
            int resumed = reportJobs.resumeUnfinished();
            if (resumed > 0) {
                LOG.info(() -> resumed + " unfinished compliance report(s) resumed");
            }
            LOG.info(() -> "sandbox risk weights: " + risk.assessor().weights() + ", trusted images " + risk.trustedImages().prefixes());
            int interrupted = executions.interruptRunning().size();
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " sandbox execution(s) were running when the server stopped; "
                        + "recorded as interrupted");
            }
            sandboxes.reclaimOrphans();
            scheduler.start(began);
            status.started(clock.instant());
        } catch (RuntimeException e) {
            status.failed(e.getMessage());
            throw e;
        }
    }

    /** An orderly stop: running tasks are handed back to the queue before the application goes. */
    @PreDestroy
    void stop() {
        scheduler.shutdown();
    }
}
