/**
 * An example third-party GitOps Auditor plugin: greetings stored in its own table, served under
 * {@code /api/hello}, announced on the {@code hello.greetings} channel and shown by its UI bundle.
 */
module io.gitopsauditor.examples.hello {
    requires io.gitopsauditor.plugin.api;

    provides io.gitopsauditor.plugin.api.spi.Plugin with io.gitopsauditor.examples.hello.internal.HelloPlugin;

    // Jersey calls the resource's methods; Jackson reads and writes the records.
    opens io.gitopsauditor.examples.hello.internal to org.glassfish.jersey.core.server, com.fasterxml.jackson.databind;
}
