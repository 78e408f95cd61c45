package io.gitopsauditor.platform.core.internal.plugin;

import io.gitopsauditor.plugin.api.PluginDescriptor;
import io.gitopsauditor.plugin.api.PluginState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one order plugins register, start and are listed in, whatever the module path or the
 * plugins folder says: each plugin after the plugins it {@linkplain PluginDescriptor#requires()
 * requires}, and otherwise by id (then by where it came from, for refused twins). Stopping runs
 * in the reverse order. A plugin whose requirement is not installed, disabled or failed is
 * refused by name, and so is every plugin in a cycle of requirements, naming the cycle.
 */
final class PluginOrder {
    private static final Comparator<PluginHandle> BY_ID =
            Comparator.comparing(PluginHandle::id).thenComparing(h -> h.origin().describe());

    private PluginOrder() {
    }

    /**
     * Orders the handles and fails those whose requirements cannot be met. Handles without a
     * descriptor (jars that never became plugins) come last, by name.
     *
     * @param handles every discovered handle, already admitted (states DISCOVERED, DISABLED or FAILED)
     * @return the same handles in start order
     */
    static List<PluginHandle> arrange(List<PluginHandle> handles) {
        List<PluginHandle> plugins = handles.stream().filter(h -> h.descriptor().isPresent()).toList();
        Map<String, PluginHandle> byId = new HashMap<>();
        plugins.stream().sorted(BY_ID).forEach(h -> byId.putIfAbsent(h.id(), h));

        List<PluginHandle> ordered = topological(plugins, byId);
        for (PluginHandle handle : ordered) {
            if (handle.state() == PluginState.DISCOVERED) {
                unmetRequirement(handle, byId).ifPresent(handle::fail);
            }
        }
        List<PluginHandle> result = new ArrayList<>(ordered);
        handles.stream().filter(h -> h.descriptor().isEmpty()).sorted(BY_ID).forEach(result::add);
        return result;
    }

    /**
     * Why a plugin cannot go on, when one of the plugins it requires is not in {@code needed}
     * state: e.g. {@code quality needs audit, which is not installed}.
     */
    static Optional<String> unmetRequirement(PluginHandle handle, Map<String, PluginHandle> byId, PluginState needed) {
        for (String required : requires(handle)) {
            PluginHandle other = byId.get(required);
            if (other == null) {
                return Optional.of(handle.id() + " needs " + required + ", which is not installed");
            }
            if (other.state() == PluginState.DISABLED) {
                return Optional.of(handle.id() + " needs " + required + ", which is disabled");
            }
            if (other.state() != needed) {
                return Optional.of(handle.id() + " needs " + required + ", which failed");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unmetRequirement(PluginHandle handle, Map<String, PluginHandle> byId) {
        return unmetRequirement(handle, byId, PluginState.DISCOVERED);
    }

    /** Kahn's algorithm, taking the smallest id among the plugins whose requirements are placed. */
    private static List<PluginHandle> topological(List<PluginHandle> plugins, Map<String, PluginHandle> byId) {
        Map<PluginHandle, Integer> waitingFor = new LinkedHashMap<>();
        Map<PluginHandle, List<PluginHandle>> dependents = new HashMap<>();
        for (PluginHandle handle : plugins) {
            int count = 0;
            for (String required : requires(handle)) {
                PluginHandle other = byId.get(required);
                if (other != null) {
                    count++;
                    dependents.computeIfAbsent(other, k -> new ArrayList<>()).add(handle);
                }
            }
            waitingFor.put(handle, count);
        }
        PriorityQueue<PluginHandle> ready = new PriorityQueue<>(BY_ID);
        waitingFor.forEach((handle, count) -> {
            if (count == 0) {
                ready.add(handle);
            }
        });
        List<PluginHandle> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            PluginHandle next = ready.poll();
            ordered.add(next);
            for (PluginHandle dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        List<PluginHandle> stuck = plugins.stream().filter(h -> !ordered.contains(h)).sorted(BY_ID).toList();
        for (PluginHandle handle : stuck) {
            cycleThrough(handle, byId).ifPresent(cycle -> handle.fail("the required plugins form a cycle: " + cycle
                    + "; no plugin in it can start first"));
        }
        // What is stuck but not on a cycle needs, maybe through others, a plugin on one: refused
        // as needing a failed plugin, the nearest first, until none is left standing.
        boolean refused = true;
        while (refused) {
            refused = false;
            for (PluginHandle handle : stuck) {
                if (handle.state() == PluginState.DISCOVERED) {
                    Optional<String> reason = unmetRequirement(handle, byId);
                    reason.ifPresent(handle::fail);
                    refused |= reason.isPresent();
                }
            }
        }
        ordered.addAll(stuck);
        return ordered;
    }

    /** The cycle of requirements that leads from the plugin back to itself, e.g. {@code a → b → a}. */
    private static Optional<String> cycleThrough(PluginHandle start, Map<String, PluginHandle> byId) {
        List<String> path = new ArrayList<>();
        return search(start, start, byId, path, new HashSet<>())
                ? Optional.of(String.join(" → ", path) + " → " + start.id())
                : Optional.empty();
    }

    private static boolean search(PluginHandle start, PluginHandle at, Map<String, PluginHandle> byId, List<String> path,
                                  Set<String> seen) {
        path.add(at.id());
        for (String required : requires(at).stream().sorted().collect(Collectors.toList())) {
            if (required.equals(start.id())) {
                return true;
            }
            PluginHandle next = byId.get(required);
            if (next != null && seen.add(required) && search(start, next, byId, path, seen)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }

    private static List<String> requires(PluginHandle handle) {
        return handle.descriptor().map(PluginDescriptor::requires).orElse(List.of());
    }
}
