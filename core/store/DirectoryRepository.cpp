#include "store/DirectoryRepository.h"

#include "model/Approval.h"
#include "store/Database.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace steward {

DirectoryRepository::DirectoryRepository(Database &database) : m_database(database) {}

Result<QList<Tenant>> DirectoryRepository::tenants() const
{
    auto query = m_database.run(u"SELECT id, name FROM mdm_tenant ORDER BY created_at, name"_s);
    if (!query)
        return query.error();
    QList<Tenant> result;
    while (query.value().next())
        result.append(Tenant{QUuid::fromString(query.value().value(0).toString()), query.value().value(1).toString()});
    return result;
}

Result<std::optional<Tenant>> DirectoryRepository::tenant(const QUuid &id) const
{
    auto query = m_database.run(u"SELECT id, name FROM mdm_tenant WHERE id = ?"_s, {uuidText(id)});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<Tenant>();
    return std::optional<Tenant>(Tenant{id, query.value().value(1).toString()});
}

namespace {

// Users from rows of (user_id, role, display_name) ordered by user_id: one per user, with
// every role of theirs.
Result<QList<User>> readUsers(QSqlQuery &rows)
{
    QList<User> result;
    while (rows.next()) {
        const QString userId = rows.value(0).toString();
        if (result.isEmpty() || result.constLast().id != userId)
            result.append(User{userId, rows.value(2).toString(), {}});
        auto role = storedValue(roleFromString, u"mdm_user_role.role"_s, rows.value(1).toString());
        if (!role)
            return role.error();
        result.last().roles.append(role.value());
    }
    return result;
}

} // namespace

Result<QList<User>> DirectoryRepository::users(const QUuid &tenantId) const
{
    auto query = m_database.run(
        u"SELECT user_id, role, display_name FROM mdm_user_role WHERE tenant_id = ? ORDER BY user_id, role"_s,
        {uuidText(tenantId)});
    if (!query)
        return query.error();
    return readUsers(query.value());
}

Result<std::optional<User>> DirectoryRepository::user(const QUuid &tenantId, const QString &userId) const
{
    // Asked before every decision: kept prepared.
    auto query = m_database.runCached(u"SELECT user_id, role, display_name FROM mdm_user_role "
                                      u"WHERE tenant_id = ? AND user_id = ? ORDER BY role"_s,
                                      {uuidText(tenantId), userId});
    if (!query)
        return query.error();
    auto found = readUsers(*query.value());
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return std::optional<User>();
    return std::optional<User>(found.value().constFirst());
}

Status DirectoryRepository::addTenant(const Tenant &tenant)
{
    // tenants() lists by created_at and its first entry is the default tenant, so keep
    // created_at strictly increasing even when tenants are added within one millisecond.
    QDateTime createdAt = QDateTime::currentDateTimeUtc();
    auto latest = m_database.run(u"SELECT MAX(created_at) FROM mdm_tenant"_s);
    if (!latest)
        return latest.error();
    if (latest.value().next()) {
        const QDateTime last = fromIsoTimestamp(latest.value().value(0).toString());
        if (last.isValid() && createdAt <= last)
            createdAt = last.addMSecs(1);
    }
    auto query = m_database.run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, ?, ?) "
                                u"ON CONFLICT (id) DO UPDATE SET name = excluded.name"_s,
                                {uuidText(tenant.id), tenant.name, toIsoTimestamp(createdAt)});
    if (!query)
        return query.error();
    return std::nullopt;
}

Status DirectoryRepository::grant(const QUuid &tenantId, const QString &userId, Role role,
                                  const QString &displayName)
{
    auto query = m_database.run(u"INSERT INTO mdm_user_role (tenant_id, user_id, role, display_name) "
                                u"VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, user_id, role) "
                                u"DO UPDATE SET display_name = excluded.display_name"_s,
                                {uuidText(tenantId), userId, toString(role), displayName});
    if (!query)
        return query.error();
    return std::nullopt;
}

} // namespace steward
