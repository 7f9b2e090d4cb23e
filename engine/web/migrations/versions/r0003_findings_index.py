"""An index for "the findings that stand" (newest run per commune, rule and year): the matrix of a province with a
thousand communes is read through it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_findings_run_rule_year", "findings", ["run_id", "rule_id", "year"])


def downgrade() -> None:
    op.drop_index("ix_findings_run_rule_year", table_name="findings")
