#pragma once

#include "model/Types.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace steward {

struct Tenant
{
    QUuid id;
    QString name;
};

// A user as seen in one tenant, with every role held there.
struct User
{
    QString id;
    QString displayName;
    QList<Role> roles;

    bool holds(Role role) const { return roles.contains(role); }
};

// Who is acting: the tenant is part of the identity, never a parameter of convenience.
struct Actor
{
    QUuid tenantId;
    QString userId;
};

} // namespace steward
