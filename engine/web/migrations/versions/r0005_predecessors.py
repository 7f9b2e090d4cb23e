"""Communes merged from 07/2025: a commune's fact file may name the units merged into it (``commune.predecessors``);
they are kept with the commune, JSON (id, name, until), so that its history carries their findings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("communes") as batch:
        batch.add_column(sa.Column("predecessors_json", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("communes") as batch:
        batch.drop_column("predecessors_json")
