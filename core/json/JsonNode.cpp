#include "json/JsonNode.h"

#include "json/Decimal.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::json {

Node Node::null()
{
    return Node();
}

Node Node::boolean(bool value)
{
    Node node;
    node.m_kind = Kind::Bool;
    node.m_bool = value;
    return node;
}

Node Node::number(const QString &rawText)
{
    Node node;
    node.m_kind = Kind::Number;
    node.m_text = rawText;
    return node;
}

Node Node::string(const QString &value)
{
    Node node;
    node.m_kind = Kind::String;
    node.m_text = value;
    return node;
}

Node Node::array(QList<Node> items)
{
    Node node;
    node.m_kind = Kind::Array;
    node.m_items = std::move(items);
    return node;
}

Node Node::object(QList<Member> members)
{
    Node node;
    node.m_kind = Kind::Object;
    node.m_members = std::move(members);
    return node;
}

const Node *Node::member(const QString &key) const
{
    for (const Member &member : m_members) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

QString Node::stringMember(const QString &key) const
{
    const Node *value = member(key);
    return value && value->isString() ? value->m_text : QString();
}

Node *Node::member(const QString &key)
{
    for (Member &member : m_members) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

void Node::setMember(const QString &key, Node value)
{
    if (Node *existing = member(key)) {
        *existing = std::move(value);
        return;
    }
    m_members.append(Member(key, std::move(value)));
}

bool Node::removeMember(const QString &key)
{
    for (qsizetype i = 0; i < m_members.size(); ++i) {
        if (m_members.at(i).first == key) {
            m_members.removeAt(i);
            return true;
        }
    }
    return false;
}

qsizetype Node::size() const
{
    switch (m_kind) {
    case Kind::Array: return m_items.size();
    case Kind::Object: return m_members.size();
    default: return 0;
    }
}

bool Node::sameValue(const Node &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null: return true;
    case Kind::Bool: return m_bool == other.m_bool;
    case Kind::Number: return decimalEqual(m_text, other.m_text);
    case Kind::String: return m_text == other.m_text;
    case Kind::Array:
        if (m_items.size() != other.m_items.size())
            return false;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (!m_items.at(i).sameValue(other.m_items.at(i)))
                return false;
        }
        return true;
    case Kind::Object: {
        if (m_members.size() != other.m_members.size())
            return false;
        // Small objects: a linear look-up is cheaper than building an index.
        constexpr qsizetype kIndexFrom = 16;
        if (m_members.size() < kIndexFrom) {
            for (const Member &member : m_members) {
                const Node *counterpart = other.member(member.first);
                if (!counterpart || !member.second.sameValue(*counterpart))
                    return false;
            }
            return true;
        }
        QHash<QString, const Node *> otherByKey;
        otherByKey.reserve(other.m_members.size());
        for (const Member &member : other.m_members)
            otherByKey.insert(member.first, &member.second);
        for (const Member &member : m_members) {
            const Node *counterpart = otherByKey.value(member.first);
            if (!counterpart || !member.second.sameValue(*counterpart))
                return false;
        }
        return true;
    }
    }
    return false;
}

bool Node::identical(const Node &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null: return true;
    case Kind::Bool: return m_bool == other.m_bool;
    case Kind::Number:
    case Kind::String: return m_text == other.m_text;
    case Kind::Array:
        if (m_items.size() != other.m_items.size())
            return false;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (!m_items.at(i).identical(other.m_items.at(i)))
                return false;
        }
        return true;
    case Kind::Object:
        if (m_members.size() != other.m_members.size())
            return false;
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            const Member &mine = m_members.at(i);
            const Member &theirs = other.m_members.at(i);
            if (mine.first != theirs.first || !mine.second.identical(theirs.second))
                return false;
        }
        return true;
    }
    return false;
}

QString kindName(Node::Kind kind)
{
    // JSON's own type names, the same in every language: not translated.
    switch (kind) {
    case Node::Kind::Null: return u"null"_s;
    case Node::Kind::Bool: return u"boolean"_s;
    case Node::Kind::Number: return u"number"_s;
    case Node::Kind::String: return u"string"_s;
    case Node::Kind::Array: return u"array"_s;
    case Node::Kind::Object: return u"object"_s;
    }
    return QString();
}

namespace {

// Plain integers that fit stay exact in Qt's JSON (it stores qint64); the rest become doubles.
QJsonValue numberToQJsonValue(const QString &text)
{
    bool isInteger = false;
    const qint64 integer = text.toLongLong(&isInteger);
    if (isInteger)
        return QJsonValue(integer);
    bool isDouble = false;
    const double value = text.toDouble(&isDouble);
    if (isDouble && std::isfinite(value))
        return QJsonValue(value);
    return QJsonValue(QJsonValue::Null); // out of double's range: Qt's JSON has no such number
}

QString numberText(const QJsonValue &value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());
    const double number = value.toDouble();
    if (number == std::floor(number) && std::fabs(number) < 1e15)
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QJsonValue toQJsonValue(const Node &node)
{
    switch (node.kind()) {
    case Node::Kind::Null: return QJsonValue(QJsonValue::Null);
    case Node::Kind::Bool: return QJsonValue(node.toBool());
    case Node::Kind::Number: return numberToQJsonValue(node.text());
    case Node::Kind::String: return QJsonValue(node.text());
    case Node::Kind::Array: {
        QJsonArray array;
        for (const Node &item : node.items())
            array.append(toQJsonValue(item));
        return array;
    }
    case Node::Kind::Object: {
        QJsonObject object;
        for (const Node::Member &member : node.members())
            object.insert(member.first, toQJsonValue(member.second));
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

Node fromQJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return Node::null();
    case QJsonValue::Bool: return Node::boolean(value.toBool());
    case QJsonValue::Double: return Node::number(numberText(value));
    case QJsonValue::String: return Node::string(value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QList<Node> items;
        items.reserve(array.size());
        for (const QJsonValue &item : array)
            items.append(fromQJsonValue(item));
        return Node::array(std::move(items));
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QList<Node::Member> members;
        members.reserve(object.size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members.append(Node::Member(it.key(), fromQJsonValue(it.value())));
        return Node::object(std::move(members));
    }
    }
    return Node::null();
}

} // namespace steward::json
