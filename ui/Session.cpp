#include "Session.h"

#include "UiTr.h"
#include "store/DirectoryRepository.h"

namespace steward {

Session::Session(DirectoryRepository &directory, QObject *parent) : QObject(parent), m_directory(directory) {}

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
        if (candidate.id == userId)
            m_user = candidate;
    }
    Q_EMIT tenantChanged();
    Q_EMIT userChanged();
    return {};
}

QString Session::loadUsers()
{
    auto users = m_directory.users(m_tenant.id);
    if (!users)
        return users.error().text();
    m_users = users.value();
    m_user = User{};
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
            m_tenant = candidate;
            loadUsers();
            Q_EMIT tenantChanged();
            Q_EMIT userChanged();
            return;
        }
    }
}

void Session::switchUser(const QString &userId)
{
    if (userId == m_user.id)
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
