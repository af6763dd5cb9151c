// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace neurorack::studio {

class BankDocument;

/// The open bank's 128 slots as a list: "007  Crash Cymbal", empty slots greyed. Drag
/// and drop moves a preset (onto a filled slot: the two change places), through the
/// document's undo stack.
class BankListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    /// The MIME type of a dragged slot number.
    static constexpr const char *kSlotMimeType = "application/x-neurorack-slot";
    enum Role { PresetIdRole = Qt::UserRole + 1, FilledRole };

    explicit BankListModel(BankDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    BankDocument *m_document;
};

} // namespace neurorack::studio
