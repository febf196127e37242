#pragma once

#include <QString>
#include <QVariantList>

namespace steward {

// SQL text and its bound values, written together so each value sits beside its "?".
class SqlStatement
{
public:
    SqlStatement &operator()(const QString &text, const QVariantList &values = {})
    {
        m_text += text;
        m_values += values;
        return *this;
    }
    const QString &text() const { return m_text; }
    const QVariantList &values() const { return m_values; }

private:
    QString m_text;
    QVariantList m_values;
};

} // namespace steward
