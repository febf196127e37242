#pragma once

#include "model/User.h"

#include <QList>
#include <QObject>

#include <functional>

namespace steward {

class Database;
class DirectoryRepository;

// Who the window acts as: the current tenant and user, and the choices for both. On a
// team database the user is the person's own login, and the window's connection signs in
// to the tenant before reading it (row-level security shows nothing before).
class Session : public QObject
{
    Q_OBJECT

public:
    Session(DirectoryRepository &directory, Database &database, QObject *parent = nullptr);

    const Tenant &tenant() const { return m_tenant; }
    const User &user() const { return m_user; }
    const QList<Tenant> &tenants() const { return m_tenants; }
    const QList<User> &users() const { return m_users; }
    Actor actor() const { return Actor{m_tenant.id, m_user.id}; }
    // The current actor whenever asked: what worker connections sign in as (JobRunner).
    std::function<Actor()> actorSource() const
    {
        return [this] { return actor(); };
    }
    // True on a team database: the user is fixed to the login, no switching to another.
    bool isTeamSession() const { return !m_login.isEmpty(); }

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
    Database &m_database;
    QString m_login; // the team database login, empty on the embedded one
    QList<Tenant> m_tenants;
    QList<User> m_users;
    Tenant m_tenant;
    User m_user;
};

} // namespace steward
