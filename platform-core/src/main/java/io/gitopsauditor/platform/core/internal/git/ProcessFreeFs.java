package io.gitopsauditor.platform.core.internal.git;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;

/**
 * The file system of every repository the platform opens: JGit's POSIX one, except that it never
 * starts a process. Every external command JGit 7.8 runs for a repository (filters in
 * {@code WorkingTreeIterator} and {@code DirCacheCheckout}, hooks, a local remote's upload-pack in
 * {@code TransportLocal}, patch and merge tools) is started through {@link #runInShell},
 * {@link #runProcess} or {@link #execute}, or through the hook methods: those refuse, and hooks are
 * reported as not present. This is the hard guarantee; {@link CommandFreeConfig} is what keeps
 * ordinary operations from ever asking.
 */
final class ProcessFreeFs extends FS_POSIX {
    /**
     * FS_POSIX asks a shell ({@code sh -c umask}, through {@code Runtime.exec}, which no override
     * sees) the first time it sets a checked-out file executable. Known up front, it never asks.
     */
    private static final int UMASK = ProcessUmask.read();

    ProcessFreeFs() {
        super();
        setUmask(UMASK);
    }

    private ProcessFreeFs(FS source) {
        super(source);
        setUmask(UMASK);
    }

    @Override
    public FS newInstance() {
        return new ProcessFreeFs(this);
    }

    @Override
    public ProcessBuilder runInShell(String command, String[] args) {
        throw new ProcessRefusedException("'" + command + "'");
    }

    @Override
    public int runProcess(ProcessBuilder process, OutputStream out, OutputStream err, String stdin) {
        throw new ProcessRefusedException(String.join(" ", process.command()));
    }

    @Override
    public int runProcess(ProcessBuilder process, OutputStream out, OutputStream err, InputStream in) {
        throw new ProcessRefusedException(String.join(" ", process.command()));
    }

    @Override
    public ExecutionResult execute(ProcessBuilder process, InputStream in) {
        throw new ProcessRefusedException(String.join(" ", process.command()));
    }

    /** Hooks (pre-commit, commit-msg, post-commit, post-checkout ...) are never run: as if absent. */
    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }

    @Override
    public ProcessResult runHookIfPresent(Repository repository, String hookName, String[] args, OutputStream out,
                                          OutputStream err, String stdin) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }

    @Override
    protected ProcessResult internalRunHookIfPresent(Repository repository, String hookName, String[] args,
                                                     OutputStream out, OutputStream err, String stdin) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }

    @Override
    public File findHook(Repository repository, String hookName) {
        return null;
    }

    /** Looking for the git executable runs a shell ({@code bash --login -c which git}): there is none to find. */
    @Override
    protected File discoverGitExe() {
        return null;
    }

    @Override
    protected File discoverGitSystemConfig() {
        return null;
    }
}
