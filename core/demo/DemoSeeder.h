#pragma once

#include "model/Error.h"

namespace steward {

class Database;

// Fills a database with the demo organisation: two tenants, users in every role,
// governed entities with their approval history, and 200+ pending requests.
// Everything goes through ApprovalService, so history and audit trail are real.
// Running it again replaces the demo tenants' rows and nothing else.
class DemoSeeder
{
public:
    struct Summary
    {
        int tenants = 0;
        int users = 0;
        int pending = 0;
        int decided = 0;
    };

    explicit DemoSeeder(Database &database);
    Result<Summary> seed();

private:
    Status removeDemoTenants();

    Database &m_database;
};

} // namespace steward
