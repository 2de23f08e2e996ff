package dev.symbiont.persistence;

import dev.symbiont.migration.EmbeddedPostgresServer;
import dev.symbiont.migration.SchemaMigrator;
import dev.symbiont.persistence.agent.AgentEntity;
import dev.symbiont.persistence.agent.AgentHistoryEntity;
import dev.symbiont.persistence.policy.PolicyEntity;
import dev.symbiont.persistence.policy.PolicyRevisionEntity;
import dev.symbiont.persistence.security.ApiKeyEntity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class, migrated by Flyway, with an EntityManagerFactory over the production
 * entities. Hibernate validates (never generates) the schema, so a mapping that drifts from the migrations fails.
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgresServer server;
    private EntityManagerFactory emf;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dir = Files.createTempDirectory("symbiont-pg-");
        server = EmbeddedPostgresServer.start(dir, 0);
        new SchemaMigrator(server.dataSource()).migrate();
        emf = new HibernatePersistenceConfiguration("symbiont-test")
                .managedClasses(AgentEntity.class, AgentHistoryEntity.class, ApiKeyEntity.class,
                        PolicyEntity.class, PolicyRevisionEntity.class)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property("hibernate.connection.datasource", server.dataSource())
                .property("hibernate.hbm2ddl.auto", "validate")
                .createEntityManagerFactory();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (emf != null) {
            emf.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public EntityManagerFactory emf() {
        return emf;
    }
}
