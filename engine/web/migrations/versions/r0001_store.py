"""The store: communes, uploads, facts and their decisions, unmatched sentences, audit runs and findings.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "communes",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200)),
        sa.Column("province", sa.String(200)),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("suffix", sa.String(8), nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("commune_id", sa.String(200), sa.ForeignKey("communes.id"), nullable=False, index=True),
        sa.Column("uploaded_by", sa.String(200), nullable=False),
        sa.Column("uploaded_at", sa.DateTime, nullable=False),
        sa.Column("header_json", sa.Text, nullable=False),
        sa.Column("statements_json", sa.Text, nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False, index=True),
        sa.Column("commune_id", sa.String(200), sa.ForeignKey("communes.id"), nullable=False, index=True),
        sa.Column("indicator", sa.String(120), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("body_json", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.Column("source_quote", sa.Text, nullable=False),
        sa.Column("flagged", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("corrected_json", sa.Text),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("decided_at", sa.DateTime),
    )
    op.create_table(
        "fact_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id"), nullable=False, index=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("body_json", sa.Text),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "unmatched",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False, index=True),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id")),
    )
    op.create_table(
        "audit_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("commune_id", sa.String(200), sa.ForeignKey("communes.id"), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("catalogue_name", sa.String(200), nullable=False),
        sa.Column("catalogue_version", sa.String(50), nullable=False),
        sa.Column("catalogue_digest", sa.String(80), nullable=False),
        sa.Column("engine_version", sa.String(50), nullable=False),
        sa.Column("inputs_json", sa.Text, nullable=False),
        sa.Column("findings_doc", sa.LargeBinary, nullable=False),
        sa.Column("counts_json", sa.Text, nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("audit_runs.id"), nullable=False, index=True),
        sa.Column("commune_id", sa.String(200), sa.ForeignKey("communes.id"), nullable=False),
        sa.Column("rule_id", sa.String(120), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("document", sa.String(120), nullable=False),
        sa.Column("theme", sa.String(40), nullable=False),
        sa.Column("period_key", sa.String(20), nullable=False),
        sa.Column("period_kind", sa.String(16), nullable=False),
        sa.Column("period_label", sa.String(80), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("outlook", sa.String(16)),
        sa.Column("evidence_level", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("actual", sa.Float),
        sa.Column("actual_display", sa.Text, nullable=False),
        sa.Column("target_value", sa.Float),
        sa.Column("target_display", sa.Text, nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("achievement_pct", sa.Float),
        sa.Column("shortfall", sa.Float),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("detail_json", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_commune_year", "findings", ["commune_id", "year"])
    op.create_index("ix_findings_rule_year", "findings", ["rule_id", "year"])


def downgrade() -> None:
    for table in ("findings", "audit_runs", "unmatched", "fact_decisions", "facts", "uploads", "communes"):
        op.drop_table(table)
