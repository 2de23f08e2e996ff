package dev.symbiont.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of a policy: for these actions, these subjects and resources, when these attribute tests hold, the
 * effect applies (with these conditions, for allow_with_conditions).
 */
public record PolicyRule(String id, String description, Effect effect, Set<PolicyAction> actions,
                         SubjectMatcher subject, List<NamePattern> resources, List<AttributeCondition> when,
                         List<PolicyCondition> conditions, String reason) {

    public PolicyRule {
        actions = EnumSet.copyOf(actions);
        resources = List.copyOf(resources);
        when = List.copyOf(when);
        conditions = List.copyOf(conditions);
    }

    public boolean appliesTo(PolicyAction action) {
        return actions.contains(action);
    }

    /** Whether subject, resource and every attribute test match (the action is checked by the caller). */
    public boolean matches(PolicyContext context) {
        if (!subject.matches(context) || !resourceMatches(context.resource())) {
            return false;
        }
        for (int i = 0; i < when.size(); i++) {
            if (!when.get(i).test(context.attributes())) {
                return false;
            }
        }
        return true;
    }

    /** The first clause that does not match, for explanations; null when the rule matches. */
    public String firstMismatch(PolicyContext context) {
        String subjectMismatch = subject.firstMismatch(context);
        if (subjectMismatch != null) {
            return subjectMismatch;
        }
        if (!resourceMatches(context.resource())) {
            return "resources " + resources + " do not match " + context.resource();
        }
        for (AttributeCondition test : when) {
            if (!test.test(context.attributes())) {
                return "when " + test + " is false (attribute is " + context.attributes().get(test.attribute()) + ")";
            }
        }
        return null;
    }

    private boolean resourceMatches(String resource) {
        if (resources.isEmpty()) {
            return true;
        }
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).matches(resource)) {
                return true;
            }
        }
        return false;
    }
}
