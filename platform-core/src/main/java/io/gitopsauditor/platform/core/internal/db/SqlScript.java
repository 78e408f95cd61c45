package io.gitopsauditor.platform.core.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQLite script into statements on {@code ;}, ignoring semicolons inside quotes,
 * comments and {@code CREATE TRIGGER ... BEGIN ... END} bodies. JDBC runs one statement at a time.
 */
final class SqlScript {
    private static final Pattern TRIGGER = Pattern.compile("(?is)^\\s*create\\s+(temp\\s+|temporary\\s+)?trigger\\b.*");
    private static final Pattern ENDS_WITH_END = Pattern.compile("(?is).*\\bend\\s*$");

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                continue;
            }
            if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? script.length() : end + 2;
                current.append(' ');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = script.indexOf(close, i + 1);
                end = end < 0 ? script.length() - 1 : end;
                current.append(script, i, end + 1);
                i = end + 1;
                continue;
            }
            if (c == ';' && !insideTriggerBody(current)) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        add(statements, current);
        return statements;
    }

    private static boolean insideTriggerBody(CharSequence statement) {
        String text = statement.toString();
        return TRIGGER.matcher(text).matches()
                && text.toLowerCase(Locale.ROOT).contains("begin")
                && !ENDS_WITH_END.matcher(text).matches();
    }

    private static void add(List<String> statements, CharSequence statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    private static final Pattern CREATED = Pattern.compile(
            "(?is)\\b(?:create|drop|alter)\\s+(?:unique\\s+|temp\\s+|temporary\\s+|virtual\\s+)*"
                    + "(?:table|index|view|trigger)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?[\"`\\[]?([A-Za-z0-9_]+)");

    /** Names of the tables, indexes, views and triggers a statement creates, drops or alters. */
    static List<String> objectNames(String statement) {
        List<String> names = new ArrayList<>();
        Matcher matcher = CREATED.matcher(statement);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
