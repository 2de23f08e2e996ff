package dev.symbiont.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** What the integration tests deploy: the real EAR the build produced, unchanged. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive runtimeEar() {
        File ear = new File(ItSettings.required("symbiont.it.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException(ear + " does not exist: build the ear module first (./mvnw verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
