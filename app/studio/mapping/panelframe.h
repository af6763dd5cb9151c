// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace neurorack::studio {

/// The virtual module's faceplate: a Eurorack panel painted behind the controls laid
/// out in it (anodised aluminium, mounting rails with their screws, the name at the top,
/// the audio output jack at the bottom). Purely visual; the controls are its children.
class PanelFrame : public QWidget
{
    Q_OBJECT

public:
    /// Height of each mounting rail, pixels.
    static constexpr int kRailHeight = 26;
    /// Space for the name below the top rail, pixels.
    static constexpr int kTitleHeight = 30;
    /// Space for the output jack above the bottom rail, pixels.
    static constexpr int kFooterHeight = 46;

    explicit PanelFrame(QWidget *parent = nullptr);

    /// Where the controls go: the panel minus rails, name and output jack.
    QMargins controlMargins() const;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace neurorack::studio
