#include "demo/FirstRun.h"

#include "demo/DemoSeeder.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/Migrator.h"

namespace steward {

Result<bool> prepareDatabase(const DatabaseUrl &url, bool seedWhenEmpty)
{
    auto database = Database::open(url);
    if (!database)
        return database.error();
    if (auto failed = Migrator(*database.value()).upgrade())
        return *failed;
    if (!seedWhenEmpty)
        return false;
    auto tenants = DirectoryRepository(*database.value()).tenants();
    if (!tenants)
        return tenants.error();
    if (!tenants.value().isEmpty())
        return false;
    auto seeded = DemoSeeder(*database.value()).seed();
    if (!seeded)
        return seeded.error();
    return true;
}

} // namespace steward
