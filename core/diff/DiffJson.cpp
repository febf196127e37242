#include "diff/DiffJson.h"

using namespace Qt::StringLiterals;

namespace steward::diff {
namespace {

QString kindName(const DiffNode &node)
{
    switch (node.kind) {
    case DiffNode::Kind::Added: return u"added"_s;
    case DiffNode::Kind::Removed: return u"removed"_s;
    case DiffNode::Kind::Changed: return u"changed"_s;
    case DiffNode::Kind::TypeChanged: return u"type_changed"_s;
    case DiffNode::Kind::Moved: return u"moved"_s;
    case DiffNode::Kind::Unchanged: return u"formatting"_s;
    }
    return {};
}

} // namespace

json::Node toChangesJson(const DiffResult &result)
{
    QList<json::Node> changes;
    for (const DiffNode *node : result.changes()) {
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
    const DiffCounts &counts = result.counts;
    json::Node root = json::Node::object();
    root.setMember(u"counts"_s, json::Node::object({{u"added"_s, json::Node::number(QString::number(counts.added))},
                                                    {u"removed"_s, json::Node::number(QString::number(counts.removed))},
                                                    {u"changed"_s, json::Node::number(QString::number(counts.changed))},
                                                    {u"moved"_s, json::Node::number(QString::number(counts.moved))}}));
    root.setMember(u"approximate"_s, json::Node::boolean(result.approximate));
    root.setMember(u"changes"_s, json::Node::array(changes));
    return root;
}

} // namespace steward::diff
