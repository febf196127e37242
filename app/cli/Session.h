#pragma once

#include "events/EventBus.h"
#include "model/Error.h"
#include "model/User.h"
#include "store/Database.h"

#include <memory>

namespace steward {

// An open, migrated database plus the tenant a command works in: what every command
// but init-demo needs before it starts.
class Session
{
public:
    enum class Create { IfMissing, Never };

    // `databaseText` empty means the user's embedded database. With Create::Never a
    // missing SQLite file is reported instead of silently created empty.
    static Result<std::unique_ptr<Session>> open(const QString &databaseText, Create create);

    // `tenantText`: an id or a tenant's name; empty picks the first tenant. On a team
    // database the connection then signs in to it as `userId` (empty: the login's own
    // user), so row-level security shows the tenant's rows; a no-op on SQLite.
    Status selectTenant(const QString &tenantText, const QString &userId = {});
    // The identity for commands that act; fails clearly when no user was given.
    Result<Actor> actor(const QString &userId, const QString &commandName) const;

    Database &database() { return *m_database; }
    EventBus &bus() { return m_bus; }
    const Tenant &tenant() const { return m_tenant; }

private:
    explicit Session(std::unique_ptr<Database> database);
    Status pickTenant(const QString &tenantText);

    std::unique_ptr<Database> m_database;
    EventBus m_bus;
    Tenant m_tenant;
};

} // namespace steward
