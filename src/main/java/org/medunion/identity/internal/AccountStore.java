package org.medunion.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    private final RowMapper<Account> rows = (rs, n) -> new Account(
            rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
            new CurrentUser(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                    new Scope(ScopeType.valueOf(rs.getString("scope_type")), rs.getString("scope_ref"))),
            rs.getInt("failed_attempts"),
            rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(),
            rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
            rs.getString("totp_secret") == null ? null : secrets().open(rs.getString("username"), rs.getString("totp_secret")));

    private final JdbcClient jdbc;
    private final TotpSecrets secrets;

    AccountStore(JdbcClient jdbc, TotpSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    private TotpSecrets secrets() {
        return secrets;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select * from identity_account where username = ?").param(username).query(rows).optional();
    }

    List<Account> all() {
        return jdbc.sql("select * from identity_account order by role, username").query(rows).list();
    }

    void insert(String username, String passwordHash, CurrentUser user, Instant now) {
        jdbc.sql("""
                insert into identity_account (id, username, password_hash, display_name, role, scope_type, scope_ref, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(UUID.randomUUID(), username, passwordHash, user.displayName(), user.role().name(),
                        user.scope().type().name(), user.scope().reference(), Timestamp.from(now)))
                .update();
    }

    List<Account> page(int offset, int limit) {
        return jdbc.sql("select * from identity_account order by username limit ? offset ?").params(limit, offset)
                .query(rows).list();
    }

    long count() {
        return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
    }

    /**
     * A page of the accounts whose username or display name contains {@code text} (any case), of {@code role}, and
     * with {@code lockedAt} set: locked out from some source address at that instant. Null means no condition.
     */
    List<Account> page(@Nullable String text, @Nullable Role role, @Nullable Instant lockedAt, int offset, int limit) {
        var where = where(text, role, lockedAt);
        var params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from identity_account a" + where.sql() + " order by username limit ? offset ?")
                .params(params).query(rows).list();
    }

    long count(@Nullable String text, @Nullable Role role, @Nullable Instant lockedAt) {
        var where = where(text, role, lockedAt);
        return jdbc.sql("select count(*) from identity_account a" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static Where where(@Nullable String text, @Nullable Role role, @Nullable Instant lockedAt) {
        var sql = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        if (text != null) {
            sql.append(" and (lower(a.username) like ? escape '!' or lower(a.display_name) like ? escape '!')");
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(like);
            params.add(like);
        }
        if (role != null) {
            sql.append(" and a.role = ?");
            params.add(role.name());
        }
        if (lockedAt != null) {
            sql.append(" and exists (select 1 from identity_login_failure f where f.username = a.username and f.locked_until > ?)");
            params.add(Timestamp.from(lockedAt));
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, List<Object> params) {
    }

    void setPassword(String username, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("update identity_account set password_hash = ?, must_change_password = ?, updated_at = ? where username = ?")
                .params(passwordHash, mustChange, Timestamp.from(now), username).update();
    }

    void setEnabled(String username, boolean enabled, Instant now) {
        jdbc.sql("update identity_account set enabled = ?, updated_at = ? where username = ?")
                .params(enabled, Timestamp.from(now), username).update();
    }

    void setRole(String username, CurrentUser user, Instant now) {
        jdbc.sql("update identity_account set role = ?, scope_type = ?, scope_ref = ?, updated_at = ? where username = ?")
                .params(Arrays.asList(user.role().name(), user.scope().type().name(), user.scope().reference(),
                        Timestamp.from(now), username))
                .update();
    }

    /** Sets the secret only while none is set, so a second enrolment cannot replace the first one. */
    boolean enrolTotp(String username, String secret) {
        return jdbc.sql("update identity_account set totp_secret = ? where username = ? and totp_secret is null")
                .params(secrets.seal(username, secret), username).update() == 1;
    }

    void clearTotp(String username) {
        jdbc.sql("update identity_account set totp_secret = null where username = ?").param(username).update();
    }

    /**
     * A row of {@code identity_account}. {@link #toString()} leaves out the hash and the TOTP secret so that no
     * log line or exception message can carry them.
     */
    record Account(UUID id, String username, String passwordHash, CurrentUser user, int failedAttempts,
                   @Nullable Instant lockedUntil, boolean enabled, boolean mustChangePassword,
                   @Nullable String totpSecret) {

        boolean totpEnrolled() {
            return totpSecret != null;
        }

        @Override
        public String toString() {
            return "Account[" + username + ", " + user.role() + ", enabled=" + enabled + "]";
        }
    }
}
