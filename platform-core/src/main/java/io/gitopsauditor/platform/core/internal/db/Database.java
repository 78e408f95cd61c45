package io.gitopsauditor.platform.core.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The platform's one SQLite file, opened for safe concurrent use: WAL (readers never block the
 * writer), {@code synchronous=FULL} (a committed transaction survives power loss), a busy timeout,
 * foreign keys on, and every transaction begun {@code IMMEDIATE} so two writers queue on the busy
 * timeout instead of failing on a lock upgrade.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "gitops-auditor.db";

    private final Path file;
    private final HikariDataSource pool;
    private final DSLContext dsl;

    private Database(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.SQLITE, new Settings()
                .withRenderSchema(false)
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false));
    }

    /** Opens (and creates if needed) the database file in the data directory. */
    public static Database open(Path dataDir, Duration busyTimeout, int poolSize) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            PrivateFiles.folder(dataDir);
            if (!Files.exists(file)) {
                // SQLite would create it with the umask's permissions (often 0644); its -wal and -shm take the file's.
                PrivateFiles.emptyFile(file);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // made meanwhile by another process: it made it the same way
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(source);
        hikari.setPoolName("sqlite");
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Math.max(250, busyTimeout.toMillis() * 2));
        try {
            return new Database(file, new HikariDataSource(hikari));
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open database " + file + ": " + rootMessage(e), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Path file() {
        return file;
    }

    /** Closes every connection; the last one to close checkpoints the WAL into the main file. */
    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
