#pragma once

#include "AppServices.h"
#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QUuid>

#include <memory>

namespace steward {

class Database;
class Session;
class TeamConnection;

// Owns the GUI thread's database connection and the services built on it, in the
// order they must be destroyed. main() and the UI tests compose the window the same way.
class AppContext
{
public:
    // The database must already be migrated (see prepareDatabase()).
    static Result<std::unique_ptr<AppContext>> open(const DatabaseUrl &url, const QUuid &tenantId = {},
                                                    const QString &userId = {});
    ~AppContext();

    AppServices services() const;
    Session &session() const { return *m_session; }
    Database &database() const { return *m_database; }

private:
    AppContext();
    struct Parts;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Parts> m_parts;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<TeamConnection> m_team; // team databases only
};

} // namespace steward
