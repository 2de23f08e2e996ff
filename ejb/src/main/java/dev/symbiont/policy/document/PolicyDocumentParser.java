package dev.symbiont.policy.document;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.AttributeCondition;
import dev.symbiont.policy.Effect;
import dev.symbiont.policy.NamePattern;
import dev.symbiont.policy.Policy;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyRule;
import dev.symbiont.policy.SubjectMatcher;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a policy document (JSON, see README "Policy documents") into a {@link Policy}, reporting every malformed or
 * contradictory part with its JSON path. Nothing partial is returned: a document is valid as a whole or rejected.
 */
public final class PolicyDocumentParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> ROOT_FIELDS = Set.of("id", "description", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "effect", "actions", "subject",
            "resources", "when", "conditions", "reason");
    private static final Set<String> SUBJECT_FIELDS = Set.of("agent_ids", "agent_names", "capabilities", "roles",
            "sandbox_tiers", "data_sensitivity");
    private static final Set<String> ROLES = Set.of("admin", "operator", "auditor", "runtime");

    private final List<InvalidPolicyException.Violation> violations = new ArrayList<>();

    private PolicyDocumentParser() {
    }

    public static Policy parse(String document) {
        return new PolicyDocumentParser().read(document);
    }

    private Policy read(String document) {
        JsonValue root;
        // created outside the try: a missing JSON-P provider is a deployment fault, not a bad document
        var reader = Json.createReader(new StringReader(document));
        try (reader) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw single("$", "not valid JSON" + (at == null ? "" : " (line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ")"));
        } catch (JsonException e) {
            throw single("$", "not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof JsonObject object)) {
            throw single("$", "must be a JSON object");
        }
        unknownFields(object, ROOT_FIELDS, "$");
        String id = requiredId(object, "id", "$");
        String description = optionalString(object, "description", "$");
        List<PolicyRule> rules = new ArrayList<>();
        JsonArray ruleArray = array(object, "rules", "$", true);
        if (ruleArray != null && ruleArray.isEmpty()) {
            violation("$.rules", "must contain at least one rule");
        }
        Set<String> ruleIds = new HashSet<>();
        if (ruleArray != null) {
            for (int i = 0; i < ruleArray.size(); i++) {
                String path = "$.rules[" + i + "]";
                if (!(ruleArray.get(i) instanceof JsonObject ruleObject)) {
                    violation(path, "must be an object");
                    continue;
                }
                PolicyRule rule = rule(ruleObject, path);
                if (rule != null && !ruleIds.add(rule.id())) {
                    violation(path + ".id", "duplicate rule id '" + rule.id() + "'");
                }
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
        return new Policy(id, description, rules);
    }

    private PolicyRule rule(JsonObject o, String path) {
        int before = violations.size();
        unknownFields(o, RULE_FIELDS, path);
        String id = requiredId(o, "id", path);
        Effect effect = enumValue(o, "effect", path, Effect.class, true);
        Set<PolicyAction> actions = actions(o, path);
        SubjectMatcher subject = o.containsKey("subject") ? subject(o.get("subject"), path + ".subject")
                : SubjectMatcher.ANY;
        List<NamePattern> resources = strings(o, "resources", path, NamePattern::of);
        List<AttributeCondition> when = when(o, path);
        List<PolicyCondition> conditions = conditions(o, path);
        String reason = optionalString(o, "reason", path);
        if (effect == Effect.ALLOW_WITH_CONDITIONS && conditions.isEmpty()) {
            violation(path + ".conditions", "allow_with_conditions needs at least one valid condition");
        }
        if (effect != null && effect != Effect.ALLOW_WITH_CONDITIONS && o.containsKey("conditions")) {
            violation(path + ".conditions", "only allow_with_conditions rules carry conditions (this rule is "
                    + effect.documentName() + ")");
        }
        return violations.size() == before ? new PolicyRule(id, optionalString(o, "description", path), effect,
                actions, subject, resources, when, conditions, reason) : null;
    }

    private Set<PolicyAction> actions(JsonObject o, String path) {
        Set<PolicyAction> actions = EnumSet.noneOf(PolicyAction.class);
        JsonArray array = array(o, "actions", path, true);
        if (array == null) {
            return actions;
        }
        if (array.isEmpty()) {
            violation(path + ".actions", "must name at least one action (or \"*\")");
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + ".actions[" + i + "]";
            String name = string(array.get(i), itemPath);
            if (name == null) {
                continue;
            }
            if (name.equals("*")) {
                actions.addAll(EnumSet.allOf(PolicyAction.class));
            } else {
                PolicyAction.fromDocumentName(name).ifPresentOrElse(actions::add, () -> violation(itemPath,
                        "unknown action '" + name + "'; known: " + knownActions()));
            }
        }
        return actions;
    }

    private SubjectMatcher subject(JsonValue value, String path) {
        if (!(value instanceof JsonObject o)) {
            violation(path, "must be an object");
            return SubjectMatcher.ANY;
        }
        unknownFields(o, SUBJECT_FIELDS, path);
        List<String> ids = strings(o, "agent_ids", path, Function.identity());
        List<NamePattern> names = strings(o, "agent_names", path, NamePattern::of);
        List<String> capabilities = strings(o, "capabilities", path, Function.identity());
        List<String> roles = strings(o, "roles", path, Function.identity());
        for (int i = 0; i < roles.size(); i++) {
            if (!ROLES.contains(roles.get(i))) {
                violation(path + ".roles[" + i + "]", "unknown role '" + roles.get(i) + "'; known: " + ROLES);
            }
        }
        Set<SandboxTierPreference> tiers = enumSet(o, "sandbox_tiers", path, SandboxTierPreference.class);
        Set<DataSensitivity> sensitivities = enumSet(o, "data_sensitivity", path, DataSensitivity.class);
        return new SubjectMatcher(new LinkedHashSet<>(ids), names, new LinkedHashSet<>(capabilities),
                new LinkedHashSet<>(roles), tiers, sensitivities);
    }

    private List<AttributeCondition> when(JsonObject o, String path) {
        List<AttributeCondition> tests = new ArrayList<>();
        JsonArray array = array(o, "when", path, false);
        if (array == null) {
            return tests;
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + ".when[" + i + "]";
            if (!(array.get(i) instanceof JsonObject test)) {
                violation(itemPath, "must be an object {attribute, op, value}");
                continue;
            }
            unknownFields(test, Set.of("attribute", "op", "value"), itemPath);
            String attribute = requiredString(test, "attribute", itemPath);
            AttributeCondition.Operator op = enumValue(test, "op", itemPath, AttributeCondition.Operator.class, true);
            if (!test.containsKey("value")) {
                violation(itemPath + ".value", "is required");
                continue;
            }
            Object value = operand(op, test.get("value"), itemPath + ".value");
            if (attribute != null && op != null && value != null) {
                tests.add(new AttributeCondition(attribute, op, value));
            }
        }
        Contradictions.checkRanges(tests, path + ".when", this::violation);
        return tests;
    }

    private Object operand(AttributeCondition.Operator op, JsonValue value, String path) {
        if (op == null) {
            return null;
        }
        return switch (op) {
            case LT, LE, GT, GE -> value instanceof JsonNumber n ? n.doubleValue()
                    : fail(path, op.documentName() + " compares numbers");
            case IN, NOT_IN -> {
                if (!(value instanceof JsonArray a) || a.isEmpty()) {
                    yield fail(path, op.documentName() + " needs a non-empty array");
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) {
                    Object item = scalar(a.get(i), path + "[" + i + "]");
                    if (item != null) {
                        items.add(item);
                    }
                }
                yield List.copyOf(items);
            }
            case MATCHES -> value instanceof JsonString s ? NamePattern.of(s.getString())
                    : fail(path, "matches needs a string pattern");
            case EQ, NE -> scalar(value, path);
        };
    }

    private Object scalar(JsonValue value, String path) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> fail(path, "must be a string, number or boolean");
        };
    }

    private List<PolicyCondition> conditions(JsonObject o, String path) {
        List<PolicyCondition> conditions = new ArrayList<>();
        JsonArray array = array(o, "conditions", path, false);
        if (array == null) {
            return conditions;
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + ".conditions[" + i + "]";
            PolicyCondition condition = ConditionReader.read(array.get(i), itemPath, this::violation);
            if (condition == null) {
                continue;
            }
            if (!types.add(condition.type())) {
                violation(itemPath, "a second " + condition.type() + " condition in the same rule contradicts or "
                        + "repeats the first");
            } else {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    // --- small readers that record violations and return null -------------------------------------------------

    private void unknownFields(JsonObject o, Set<String> known, String path) {
        for (String key : o.keySet()) {
            if (!known.contains(key)) {
                violation(path + "." + key, "unknown field; allowed: " + known.stream().sorted().toList());
            }
        }
    }

    private String requiredId(JsonObject o, String field, String path) {
        String value = requiredString(o, field, path);
        if (value != null && !ID.matcher(value).matches()) {
            violation(path + "." + field, "must be 1-64 lower-case letters, digits, '.', '_' or '-'");
            return null;
        }
        return value;
    }

    private String requiredString(JsonObject o, String field, String path) {
        if (!o.containsKey(field)) {
            violation(path + "." + field, "is required");
            return null;
        }
        return string(o.get(field), path + "." + field);
    }

    private String optionalString(JsonObject o, String field, String path) {
        return o.containsKey(field) ? string(o.get(field), path + "." + field) : null;
    }

    private String string(JsonValue value, String path) {
        if (value instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        violation(path, "must be a non-empty string");
        return null;
    }

    private JsonArray array(JsonObject o, String field, String path, boolean required) {
        if (!o.containsKey(field)) {
            if (required) {
                violation(path + "." + field, "is required");
            }
            return null;
        }
        if (o.get(field) instanceof JsonArray a) {
            return a;
        }
        violation(path + "." + field, "must be an array");
        return null;
    }

    private <T> List<T> strings(JsonObject o, String field, String path, Function<String, T> convert) {
        List<T> values = new ArrayList<>();
        JsonArray array = array(o, field, path, false);
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                String s = string(array.get(i), path + "." + field + "[" + i + "]");
                if (s != null) {
                    values.add(convert.apply(s));
                }
            }
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(JsonObject o, String field, String path, Class<E> type, boolean required) {
        if (!o.containsKey(field)) {
            if (required) {
                violation(path + "." + field, "is required");
            }
            return null;
        }
        String text = string(o.get(field), path + "." + field);
        return text == null ? null : enumOf(text, type, path + "." + field);
    }

    private <E extends Enum<E>> Set<E> enumSet(JsonObject o, String field, String path, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        List<String> texts = strings(o, field, path, Function.identity());
        for (int i = 0; i < texts.size(); i++) {
            E value = enumOf(texts.get(i), type, path + "." + field + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private <E extends Enum<E>> E enumOf(String text, Class<E> type, String path) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        violation(path, "'" + text + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase()).toList());
        return null;
    }

    private static String knownActions() {
        return java.util.Arrays.stream(PolicyAction.values()).map(PolicyAction::documentName).toList().toString();
    }

    private Object fail(String path, String message) {
        violation(path, message);
        return null;
    }

    void violation(String path, String message) {
        violations.add(new InvalidPolicyException.Violation(path, message));
    }

    private static InvalidPolicyException single(String path, String message) {
        return new InvalidPolicyException(List.of(new InvalidPolicyException.Violation(path, message)));
    }
}
