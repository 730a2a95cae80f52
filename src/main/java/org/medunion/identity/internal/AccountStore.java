package org.medunion.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code identity_account}. */
@Repository
class AccountStore {

    private static final RowMapper<Account> ROWS = (rs, n) -> new Account(
            rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
            new CurrentUser(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                    new Scope(ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_ref"))),
            rs.getInt("failed_attempts"),
            rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select * from identity_account where username = ?").param(username).query(ROWS).optional();
    }

    List<Account> all() {
        return jdbc.sql("select * from identity_account order by role, username").query(ROWS).list();
    }

    void insert(String username, String passwordHash, CurrentUser user, Instant now) {
        jdbc.sql("""
                insert into identity_account (id, username, password_hash, display_name, role, scope_type, scope_ref, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), username, passwordHash, user.displayName(), user.role().name(),
                        user.scope().type().name(), user.scope().reference(), java.sql.Timestamp.from(now))
                .update();
    }

    void recordFailure(String username, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("update identity_account set failed_attempts = ?, locked_until = ? where username = ?")
                .params(failedAttempts, lockedUntil == null ? null : java.sql.Timestamp.from(lockedUntil), username)
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("update identity_account set failed_attempts = 0, locked_until = null where username = ? and failed_attempts > 0")
                .param(username).update();
    }

    record Account(UUID id, String username, String passwordHash, CurrentUser user, int failedAttempts,
                   Instant lockedUntil, boolean enabled) {
    }
}
