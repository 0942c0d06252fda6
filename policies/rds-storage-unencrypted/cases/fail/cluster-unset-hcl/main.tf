# storage_encrypted is not set: Aurora creates provisioned cluster storage unencrypted.
resource "aws_rds_cluster" "main" {
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
}
