# A Multi-AZ DB cluster (not Aurora): the cluster resource itself carries publicly_accessible, and
# RDS creates its instances without aws_rds_cluster_instance blocks. No subnet group: the default VPC.
resource "aws_rds_cluster" "orders" {
  cluster_identifier        = "orders"
  engine                    = "postgres"
  db_cluster_instance_class = "db.m6gd.large"
  storage_type              = "io1"
  allocated_storage         = 100
  iops                      = 1000
  master_username           = "app"
  publicly_accessible       = true
  storage_encrypted         = true
}
