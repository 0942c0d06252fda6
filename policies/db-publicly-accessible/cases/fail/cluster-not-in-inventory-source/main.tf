# An Aurora member of a cluster managed elsewhere: its network is that of a cluster not in this
# configuration, not the default VPC.
resource "aws_rds_cluster_instance" "writer" {
  identifier          = "legacy-writer"
  cluster_identifier  = "legacy"
  engine              = "aurora-postgresql"
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
