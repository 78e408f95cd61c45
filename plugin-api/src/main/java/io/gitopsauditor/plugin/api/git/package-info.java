/**
 * The platform's one way to open and operate git repositories:
 * {@link io.gitopsauditor.plugin.api.git.GitRepositories}, reached as
 * {@link io.gitopsauditor.plugin.api.PluginContext#git()}.
 *
 * <p>Repositories are other people's: whoever can write a clone's {@code .git/config} or
 * {@code .gitattributes} must not be able to make the service run a command. Repositories opened
 * here never start a process (no filter, hook, fsmonitor, credential helper, pager, editor, ssh
 * command, upload-pack or receive-pack), refuse clones owned by another user unless allowed, and
 * reach remotes only over https, ssh, or local folders the administrator configured. See
 * {@code docs/security.md}, "Repositories are other people's: what never runs".
 *
 * @since 0.2
 */
package io.gitopsauditor.plugin.api.git;
