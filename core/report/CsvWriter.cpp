#include "report/CsvWriter.h"

#include "Tr.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

constexpr qsizetype kBlock = 256 * 1024;

bool needsQuotes(QStringView field)
{
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r')
            return true;
    }
    return false;
}

void appendField(QString &out, QStringView field)
{
    if (!needsQuotes(field)) {
        out += field;
        return;
    }
    out += u'"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field.at(i) == u'"') {
            out += field.mid(from, i + 1 - from); // up to and including the quote
            out += u'"';                          // ... which is doubled
            from = i + 1;
        }
    }
    out += field.mid(from);
    out += u'"';
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device) : m_device(device)
{
    m_buffer.reserve(kBlock + 64 * 1024);
    m_record.reserve(4096);
}

QString CsvWriter::quoted(const QString &field)
{
    QString out;
    appendField(out, field);
    return out;
}

void CsvWriter::field(QStringView text)
{
    if (!m_firstField)
        m_record += u',';
    m_firstField = false;
    appendField(m_record, text);
}

void CsvWriter::field(qint64 number)
{
    field(QString::number(number));
}

QByteArray CsvWriter::encodedFields(const QStringList &fields)
{
    QString text;
    for (const QString &field : fields) {
        text += u',';
        appendField(text, field);
    }
    return text.toUtf8();
}

void CsvWriter::endRecord(const QByteArray &encodedTail)
{
    m_buffer += m_record.toUtf8();
    m_buffer += encodedTail;
    m_buffer += "\r\n";
    m_record.truncate(0);
    m_firstField = true;
    if (m_buffer.size() >= kBlock)
        (void)flush();
}

void CsvWriter::writeRecord(const QStringList &fields)
{
    for (const QString &text : fields)
        field(text);
    endRecord();
}

Status CsvWriter::flush()
{
    if (!m_failed && !m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
        m_failed = true;
    m_buffer.truncate(0);
    if (m_failed)
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("cannot write the report: %1").arg(m_device.errorString()));
    return std::nullopt;
}

} // namespace steward::report
