package io.gitopsauditor.platform.core.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded GitHub responses under {@code src/test/resources/io/gitopsauditor/platform/core/testkit/github/} (in the test kit jar beside this class), and new ones made from
 * them for other logins and repositories: the recording is copied and its login and repository
 * name are swapped, so generated responses keep every field GitHub sends.
 */
final class Recordings {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE_OWNER = "octocat";
    private static final String TEMPLATE_REPOSITORY = "Hello-World";

    private Recordings() {
    }

    /** @return the recorded file as text */
    static String text(String file) {
        try (InputStream in = Recordings.class.getResourceAsStream("github/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded GitHub response github/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String file) {
        return (ObjectNode) parse(text(file));
    }

    static List<ObjectNode> array(String file) {
        List<ObjectNode> items = new ArrayList<>();
        parse(text(file)).forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    /**
     * @param file  a recorded account ({@code users-github.json}, {@code orgs-github.json}, …)
     * @param login the login to give it
     * @param id    the account id to give it
     * @return the recording, renamed
     */
    static ObjectNode account(String file, String login, long id) {
        ObjectNode recorded = object(file);
        ObjectNode renamed = (ObjectNode) parse(renameLogin(text(file), recorded.path("login").asText(), login));
        renamed.put("login", login).put("id", id);
        return renamed;
    }

    /**
     * @return {@code repository.json} turned into the given repository of the given owner
     */
    static ObjectNode repository(String owner, String ownerType, long ownerId, FakeRepository spec, long id) {
        String json = text("repository.json").replace(TEMPLATE_OWNER + "/" + TEMPLATE_REPOSITORY, owner + "/" + spec.name());
        ObjectNode repository = (ObjectNode) parse(json);
        repository.put("id", id).put("name", spec.name())
                .put("private", spec.privateRepo()).put("visibility", spec.privateRepo() ? "private" : "public")
                .put("fork", spec.fork()).put("archived", spec.archived())
                .put("pushed_at", spec.pushedAt() == null ? null : spec.pushedAt().toString());
        ObjectNode ownerNode = (ObjectNode) parse(renameLogin(repository.get("owner").toString(), TEMPLATE_OWNER, owner));
        ownerNode.put("login", owner).put("id", ownerId).put("type", ownerType);
        repository.set("owner", ownerNode);
        return repository;
    }

    /**
     * Replaces a login where it is a path segment of a URL ({@code /users/github/repos},
     * {@code https://github.com/github}) but not inside a host name ({@code api.github.com}).
     */
    private static String renameLogin(String json, String from, String to) {
        return json.replaceAll("(?<=/)" + Pattern.quote(from) + "(?=[/{\"])", Matcher.quoteReplacement(to));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded GitHub response is not JSON", e);
        }
    }
}
