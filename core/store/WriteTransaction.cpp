#include "store/WriteTransaction.h"

#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward {

WriteTransaction::WriteTransaction(Database &database) : m_database(database) {}

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        rollback();
}

Status WriteTransaction::begin()
{
    auto result = m_database.run(m_database.dialect().beginWriteStatement());
    if (!result)
        return result.error();
    m_open = true;
    return std::nullopt;
}

Status WriteTransaction::commit()
{
    auto result = m_database.run(u"COMMIT"_s);
    if (!result) {
        rollback();
        return result.error();
    }
    m_open = false;
    return std::nullopt;
}

void WriteTransaction::rollback()
{
    (void)m_database.run(u"ROLLBACK"_s);
    m_open = false;
}

} // namespace steward
