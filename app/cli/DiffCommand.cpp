#include "DiffCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "diff/JsonPatch.h"
#include "diff/StructuralDiff.h"
#include "json/JsonParser.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

Result<std::shared_ptr<const json::Node>> readDocument(const QString &path)
{
    const bool fromStdin = path == u"-"_s;
    QFile file(fromStdin ? QString() : path);
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return Error::make(ErrorCode::Invalid, CliTr::tr("cannot read %1: %2").arg(path, file.errorString()));
    auto document = json::parse(file.readAll());
    if (!document) {
        Error error = document.error();
        error.message = CliTr::tr("%1: %2").arg(path, error.message);
        return error;
    }
    return std::make_shared<const json::Node>(std::move(document.value()));
}

QString kindName(const diff::DiffNode &node)
{
    switch (node.kind) {
    case diff::DiffNode::Kind::Added: return u"added"_s;
    case diff::DiffNode::Kind::Removed: return u"removed"_s;
    case diff::DiffNode::Kind::Changed: return u"changed"_s;
    case diff::DiffNode::Kind::TypeChanged: return u"type_changed"_s;
    case diff::DiffNode::Kind::Moved: return u"moved"_s;
    case diff::DiffNode::Kind::Unchanged: return u"formatting"_s;
    }
    return {};
}

QString symbol(const diff::DiffNode &node)
{
    switch (node.kind) {
    case diff::DiffNode::Kind::Added: return u"+"_s;
    case diff::DiffNode::Kind::Removed: return u"-"_s;
    case diff::DiffNode::Kind::Moved: return u">"_s;
    case diff::DiffNode::Kind::Unchanged: return u"="_s;
    default: return u"~"_s;
    }
}

QString valueText(const json::Node *node)
{
    if (!node)
        return {};
    const QString text = QString::fromUtf8(json::serialize(*node));
    return text.size() > 200 ? text.left(197) + u"..."_s : text;
}

void printText(const diff::DiffResult &result, QTextStream &out)
{
    for (const diff::DiffNode *node : result.changes()) {
        const QString path = node->path.isEmpty() ? u"/"_s : node->path;
        switch (node->kind) {
        case diff::DiffNode::Kind::Added: out << u"+ "_s << path << u": "_s << valueText(node->after); break;
        case diff::DiffNode::Kind::Removed: out << u"- "_s << path << u": "_s << valueText(node->before); break;
        case diff::DiffNode::Kind::Moved:
            out << u"> "_s << path << u" "_s << CliTr::tr("(moved from %1)").arg(node->fromPath);
            break;
        default:
            out << symbol(*node) << u' ' << path << u": "_s << valueText(node->before) << u" -> "_s
                << valueText(node->after);
        }
        out << u'\n';
    }
    const diff::DiffCounts &counts = result.counts;
    out << CliTr::tr("%1 added, %2 removed, %3 changed, %4 moved")
               .arg(counts.added)
               .arg(counts.removed)
               .arg(counts.changed)
               .arg(counts.moved)
        << u'\n';
    if (result.approximate)
        out << CliTr::tr("approximate: %1").arg(result.approximateReason) << u'\n';
}

json::Node asJson(const diff::DiffResult &result)
{
    QList<json::Node> changes;
    for (const diff::DiffNode *node : result.changes()) {
        json::Node change = json::Node::object();
        change.setMember(u"op"_s, json::Node::string(kindName(*node)));
        change.setMember(u"path"_s, json::Node::string(node->path));
        if (!node->fromPath.isEmpty())
            change.setMember(u"from"_s, json::Node::string(node->fromPath));
        if (node->before)
            change.setMember(u"before"_s, *node->before);
        if (node->after)
            change.setMember(u"after"_s, *node->after);
        if (!node->key.isEmpty() && node->key.startsWith(u'['))
            change.setMember(u"item"_s, json::Node::string(node->key));
        changes.append(change);
    }
    const diff::DiffCounts &counts = result.counts;
    json::Node root = json::Node::object();
    root.setMember(u"counts"_s, json::Node::object({{u"added"_s, json::Node::number(QString::number(counts.added))},
                                                    {u"removed"_s, json::Node::number(QString::number(counts.removed))},
                                                    {u"changed"_s, json::Node::number(QString::number(counts.changed))},
                                                    {u"moved"_s, json::Node::number(QString::number(counts.moved))}}));
    root.setMember(u"approximate"_s, json::Node::boolean(result.approximate));
    root.setMember(u"changes"_s, json::Node::array(changes));
    return root;
}

} // namespace

Status runDiff(const CliOptions &options, QTextStream &out)
{
    auto before = readDocument(options.arguments.at(0));
    if (!before)
        return before.error();
    auto after = readDocument(options.arguments.at(1));
    if (!after)
        return after.error();

    if (options.format == u"patch"_s) {
        out << QString::fromUtf8(json::serialize(diff::toPatch(*before.value(), *after.value()), true)) << u'\n';
        return std::nullopt;
    }
    const diff::DiffResult result = diff::diff(before.value(), after.value());
    if (options.format == u"json"_s)
        out << QString::fromUtf8(json::serialize(asJson(result), true)) << u'\n';
    else
        printText(result, out);
    return std::nullopt;
}

} // namespace steward
