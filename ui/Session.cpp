#include "Session.h"

#include "UiTr.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"

namespace steward {

Session::Session(DirectoryRepository &directory, Database &database, QObject *parent)
    : QObject(parent), m_directory(directory), m_database(database),
      m_login(database.isTeamDatabase() ? database.url().user : QString())
{
}

QString Session::load(const QUuid &tenantId, const QString &userId)
{
    auto tenants = m_directory.tenants();
    if (!tenants)
        return tenants.error().text();
    m_tenants = tenants.value();
    if (m_tenants.isEmpty())
        return UiTr::tr("The database has no tenants. Run \"steward-cli init-demo\" or ask an administrator.");
    m_tenant = m_tenants.constFirst();
    for (const Tenant &candidate : std::as_const(m_tenants)) {
        if (candidate.id == tenantId)
            m_tenant = candidate;
    }
    if (const QString failed = loadUsers(); !failed.isEmpty())
        return failed;
    for (const User &candidate : std::as_const(m_users)) {
        if (candidate.id == userId && !isTeamSession())
            m_user = candidate;
    }
    Q_EMIT tenantChanged();
    Q_EMIT userChanged();
    return {};
}

QString Session::loadUsers()
{
    if (isTeamSession()) {
        if (auto failed = m_database.signIn(m_tenant.id, m_login))
            return failed->text();
    }
    auto users = m_directory.users(m_tenant.id);
    if (!users)
        return users.error().text();
    m_users = users.value();
    m_user = User{};
    if (isTeamSession()) {
        for (const User &candidate : std::as_const(m_users)) {
            if (candidate.id == m_login)
                m_user = candidate;
        }
        return {};
    }
    for (const User &candidate : std::as_const(m_users)) {
        if (candidate.holds(Role::KernelArchitect) || candidate.holds(Role::MetadataSteward)) {
            m_user = candidate;
            break;
        }
    }
    if (m_user.id.isEmpty() && !m_users.isEmpty())
        m_user = m_users.constFirst();
    return {};
}

void Session::switchTenant(const QUuid &tenantId)
{
    if (tenantId == m_tenant.id)
        return;
    for (const Tenant &candidate : std::as_const(m_tenants)) {
        if (candidate.id == tenantId) {
            const Tenant previous = m_tenant;
            m_tenant = candidate;
            if (!loadUsers().isEmpty()) { // a team database may refuse the sign-in
                m_tenant = previous;
                loadUsers();
                return;
            }
            Q_EMIT tenantChanged();
            Q_EMIT userChanged();
            return;
        }
    }
}

void Session::switchUser(const QString &userId)
{
    if (userId == m_user.id || isTeamSession())
        return;
    for (const User &candidate : std::as_const(m_users)) {
        if (candidate.id == userId) {
            m_user = candidate;
            Q_EMIT userChanged();
            return;
        }
    }
}

} // namespace steward
