#pragma once

#include "model/User.h"

#include <QList>
#include <QObject>

namespace steward {

class DirectoryRepository;

// Who the window acts as: the current tenant and user, and the choices for both.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(DirectoryRepository &directory, QObject *parent = nullptr);

    const Tenant &tenant() const { return m_tenant; }
    const User &user() const { return m_user; }
    const QList<Tenant> &tenants() const { return m_tenants; }
    const QList<User> &users() const { return m_users; }
    Actor actor() const { return Actor{m_tenant.id, m_user.id}; }

    // Reloads tenants; picks `tenantId` (or the first tenant) and `userId` (or the
    // first user who can decide). Returns an error text, empty on success.
    QString load(const QUuid &tenantId = {}, const QString &userId = {});
    void switchTenant(const QUuid &tenantId);
    void switchUser(const QString &userId);

Q_SIGNALS:
    void tenantChanged();
    void userChanged();

private:
    QString loadUsers();

    DirectoryRepository &m_directory;
    QList<Tenant> m_tenants;
    QList<User> m_users;
    Tenant m_tenant;
    User m_user;
};

} // namespace steward
