package dev.symbiont.persistence.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of table {@code agent}: an agent's definition and its current lifecycle state. */
@Entity
@Table(name = "agent")
public class AgentEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 64)
    private String version;

    @Column(length = 4096)
    private String description;

    @Column(nullable = false)
    private String[] capabilities;

    @Column(name = "memory_mb", nullable = false)
    private int memoryMb;

    @Column(name = "cpu_cores", nullable = false)
    private double cpuCores;

    @Column(name = "disk_io_mbps", nullable = false)
    private int diskIoMbps;

    @Column(name = "network_io_mbps", nullable = false)
    private int networkIoMbps;

    @Column(name = "execution_timeout_ms", nullable = false)
    private long executionTimeoutMs;

    @Column(name = "sandbox_tier", nullable = false, length = 16)
    private String sandboxTier;

    @Column(name = "requires_network", nullable = false)
    private boolean requiresNetwork;

    @Column(name = "requires_filesystem", nullable = false)
    private boolean requiresFilesystem;

    @Column(name = "external_apis", nullable = false)
    private String[] externalApis;

    @Column(name = "data_sensitivity", nullable = false, length = 16)
    private String dataSensitivity;

    @Convert(converter = JsonObjectMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, String> metadata;

    /** The execution spec: image and command both present or both null (a CHECK in V6). */
    @Column(name = "exec_image", length = 512)
    private String execImage;

    @Column(name = "exec_command")
    private String[] execCommand;

    @Convert(converter = JsonObjectMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "exec_environment", columnDefinition = "jsonb")
    private Map<String, String> execEnvironment;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(name = "state_reason", length = 1024)
    private String stateReason;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 200)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Optimistic lock: of two concurrent writers of one agent, the second commit fails. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected AgentEntity() {
    }

    public AgentEntity(UUID id) {
        this.id = id;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String[] getCapabilities() { return capabilities; }
    public void setCapabilities(String[] capabilities) { this.capabilities = capabilities; }
    public int getMemoryMb() { return memoryMb; }
    public void setMemoryMb(int memoryMb) { this.memoryMb = memoryMb; }
    public double getCpuCores() { return cpuCores; }
    public void setCpuCores(double cpuCores) { this.cpuCores = cpuCores; }
    public int getDiskIoMbps() { return diskIoMbps; }
    public void setDiskIoMbps(int diskIoMbps) { this.diskIoMbps = diskIoMbps; }
    public int getNetworkIoMbps() { return networkIoMbps; }
    public void setNetworkIoMbps(int networkIoMbps) { this.networkIoMbps = networkIoMbps; }
    public long getExecutionTimeoutMs() { return executionTimeoutMs; }
    public void setExecutionTimeoutMs(long executionTimeoutMs) { this.executionTimeoutMs = executionTimeoutMs; }
    public String getSandboxTier() { return sandboxTier; }
    public void setSandboxTier(String sandboxTier) { this.sandboxTier = sandboxTier; }
    public boolean isRequiresNetwork() { return requiresNetwork; }
    public void setRequiresNetwork(boolean requiresNetwork) { this.requiresNetwork = requiresNetwork; }
    public boolean isRequiresFilesystem() { return requiresFilesystem; }
    public void setRequiresFilesystem(boolean requiresFilesystem) { this.requiresFilesystem = requiresFilesystem; }
    public String[] getExternalApis() { return externalApis; }
    public void setExternalApis(String[] externalApis) { this.externalApis = externalApis; }
    public String getDataSensitivity() { return dataSensitivity; }
    public void setDataSensitivity(String dataSensitivity) { this.dataSensitivity = dataSensitivity; }
    public Map<String, String> getMetadata() { return metadata; }
    public void setMetadata(Map<String, String> metadata) { this.metadata = metadata; }
    public String getExecImage() { return execImage; }
    public void setExecImage(String execImage) { this.execImage = execImage; }
    public String[] getExecCommand() { return execCommand; }
    public void setExecCommand(String[] execCommand) { this.execCommand = execCommand; }
    public Map<String, String> getExecEnvironment() { return execEnvironment; }
    public void setExecEnvironment(Map<String, String> execEnvironment) { this.execEnvironment = execEnvironment; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStateReason() { return stateReason; }
    public void setStateReason(String stateReason) { this.stateReason = stateReason; }
    public Instant getStateChangedAt() { return stateChangedAt; }
    public void setStateChangedAt(Instant stateChangedAt) { this.stateChangedAt = stateChangedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long getRowVersion() { return rowVersion; }
}
